-- A merged or rejected petition is nobody's work any more: the urgent-case indexes leave it out, as the queries do.
drop index petition_fact_urgent;
drop index petition_fact_urgent_unit;
drop index petition_fact_urgent_district;
create index petition_fact_urgent on petition_fact (first_response_due)
    where sla_state in ('RUNNING', 'BREACHED') and status not in ('RESOLVED', 'CLOSED', 'MERGED', 'REJECTED');
create index petition_fact_urgent_unit on petition_fact (unit_code, first_response_due)
    where sla_state in ('RUNNING', 'BREACHED') and status not in ('RESOLVED', 'CLOSED', 'MERGED', 'REJECTED');
create index petition_fact_urgent_district on petition_fact (district_code, first_response_due)
    where sla_state in ('RUNNING', 'BREACHED') and status not in ('RESOLVED', 'CLOSED', 'MERGED', 'REJECTED');
