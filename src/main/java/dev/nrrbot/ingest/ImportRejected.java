package dev.nrrbot.ingest;

import java.util.List;

/** The file had problems; nothing of it was written. */
public class ImportRejected extends RuntimeException {

    private final List<String> problems;

    public ImportRejected(String file, Problems problems) {
        super(file + " was not imported: " + problems.count() + (problems.count() == 1 ? " problem" : " problems")
                + " found, nothing was written. Fix them and import the file again.");
        this.problems = problems.lines();
    }

    public List<String> problems() {
        return problems;
    }
}
