-- 0012_template_header_files.sql: the file last sent in the media header
-- (photo, video or document) of each template, offered again the next
-- time the template is sent. path is Parley's own copy in the media
-- folder (the file the owner chose may move); file_name is the name the
-- owner knows it by. Kept apart from templates, which a sync replaces.

CREATE TABLE template_header_files (
    channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    language   TEXT    NOT NULL,
    path       TEXT    NOT NULL CHECK (path <> ''),
    file_name  TEXT    NOT NULL DEFAULT '',
    used_at    INTEGER NOT NULL,
    PRIMARY KEY (channel_id, name, language)
) STRICT;
