-- Raw files that were not accepted, latest verdict per file.
select
    cast(source_path as varchar) as source_path,
    cast(reason as varchar) as reason,
    cast(detail as varchar) as detail,
    cast(seen_at as timestamptz) as seen_at,
    cast(ingest_date as date) as ingest_date
from rejected_files
qualify row_number() over (partition by source_path order by ingest_date desc, seen_at desc) = 1
