-- People named in an event, typed, from the latest arrival of their article.
select
    cast(event_id as varchar) as event_id,
    cast(article_id as varchar) as article_id,
    trim(person_name) as person_name,
    nullif(trim(role), '') as role,
    nullif(trim(organization), '') as organization,
    cast(party as varchar) as party,
    cast(person_id as varchar) as person_id,
    cast(role_code as varchar) as role_code,
    cast(ingest_date as date) as ingest_date
from event_participants
qualify ingest_date = max(ingest_date) over (partition by article_id)
