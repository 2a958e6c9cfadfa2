package dev.nrrbot.outbox.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import dev.nrrbot.platform.slack.SlackUrls;
import java.io.IOException;
import java.util.List;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * files.uploadV2's three steps, taken here rather than in the SDK so that the upload URL Slack
 * returns is checked ({@link SlackUrls}) before a chart's bytes go to it. Until the last step the
 * file is shared nowhere, so a failure before it can be retried without a second post.
 */
final class FileUpload {

    /** How an upload ended: shared, or why not, and whether it failed before anything was shared. */
    record Result(boolean shared, boolean beforeSharing, String error) {
        static final Result SHARED = new Result(true, false, null);
    }

    private FileUpload() {
    }

    static Result upload(MethodsClient client, SlackUrls urls, String channel, String filename, String title, byte[] data)
            throws IOException, SlackApiException {
        var url = client.filesGetUploadURLExternal(r -> r.filename(filename).length(data.length));
        if (!url.isOk()) {
            return new Result(false, true, url.getError());
        }
        if (!urls.allowed(url.getUploadUrl())) {
            return new Result(false, false, "upload_url is not on Slack's hosts: refused");
        }
        try (Response r = client.getSlackHttpClient().getOkHttpClient().newCall(new Request.Builder().url(url.getUploadUrl())
                .post(RequestBody.create(data)).build()).execute()) {
            if (r.code() != 200) {
                return new Result(false, true, "the upload answered HTTP " + r.code());
            }
        }
        var done = client.filesCompleteUploadExternal(r -> r.channelId(channel)
                .files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder().id(url.getFileId()).title(title).build())));
        return done.isOk() ? Result.SHARED : new Result(false, false, done.getError());
    }
}
