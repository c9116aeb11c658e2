-- guards: stg_events
-- place_precision is commune, province or region (or null), and the code of that level is set.
select event_id, place_name, place_precision, commune_code, province_code, region_code
from {{ ref('stg_events') }}
where (place_precision is not null
       and place_precision not in (select value from vocabularies where vocabulary = 'place_precision'))
   or (place_precision = 'commune' and commune_code is null)
   or (place_precision = 'province' and province_code is null)
   or (place_precision = 'region' and region_code is null)
