-- Pictures the citizen sent, as a JSON array of URLs.
alter table petition add column attachments text;
