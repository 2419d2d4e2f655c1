-- The directory decides which units see their subordinates' petitions; each decision keeps who may see it.
alter table unit add column sees_subordinates boolean not null default false;
alter table routing_decision add column supervising_units varchar(500);
