-- The category a hotline operator named at intake, kept for re-routing after a hand-back.
alter table routing_decision add column category_hint varchar(100);
