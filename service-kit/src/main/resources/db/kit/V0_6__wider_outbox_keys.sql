-- Directory events are keyed by a unit's code or a rule's name, which may be longer than a petition id.
alter table outbox_event
    alter column message_key type varchar(128),
    alter column subject type varchar(128);
