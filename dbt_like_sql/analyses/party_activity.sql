-- Which parties were active where, and when? Events per party, month and region.
select party, event_month, region_name_fr, events, congresses, meetings, general_assemblies,
       public_elections, statements
from party_activity_by_month_region
order by events desc, party, event_month
