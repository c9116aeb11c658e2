-- guards: stg_events
-- Every place code on an event is an HCP code of the gazetteer, at the right level, and the
-- commune, province and region codes of one event agree with each other.
select e.event_id, e.place_name, e.commune_code, e.province_code, e.region_code
from {{ ref('stg_events') }} as e
left join gazetteer as c on c.code = e.commune_code
left join gazetteer as p on p.code = e.province_code and p.level = 'province'
left join gazetteer as r on r.code = e.region_code and r.level = 'region'
where (e.commune_code is not null and (c.code is null or c.level not in ('commune', 'arrondissement')))
   or (e.province_code is not null and p.code is null)
   or (e.region_code is not null and r.code is null)
   or (e.commune_code is not null and e.province_code is distinct from c.province_code)
   or (e.province_code is not null and e.region_code is distinct from p.region_code)
