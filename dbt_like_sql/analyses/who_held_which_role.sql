-- Who held which role, for which party, where and when?
select person_name, role, party, province_name_fr, first_seen, last_seen, events
from role_holders
where role is not null
order by party, person_name
