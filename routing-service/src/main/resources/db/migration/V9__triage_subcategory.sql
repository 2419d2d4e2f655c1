-- The level-2 category the text names under the suggested level 1, shown to the operator; null when none.
alter table triage_case add column suggested_subcategory varchar(100);
