-- Which function each person says they belong to (/nrr me FUNCTION), so App Home shows their part.
-- Belonging grants nothing: who may see what is the roles' and owners' business.
CREATE TABLE function_member (
    user_id       VARCHAR(40) NOT NULL PRIMARY KEY,
    function_code VARCHAR(40) NOT NULL,
    set_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
