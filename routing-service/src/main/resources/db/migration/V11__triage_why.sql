-- What the operator must decide and the words behind the suggestion, so that the console can say it in the
-- reader's language instead of showing routing's English reason.
alter table triage_case add column why varchar(20);
alter table triage_case add column evidence text;
update triage_case set why = case when supervisor then 'BOUNCED'
                                  when suggested_category is null then 'NO_CATEGORY'
                                  when reason like '%no unit in the directory answers%' then 'NO_UNIT'
                                  else 'LOW_CONFIDENCE' end;
alter table triage_case alter column why set not null;
