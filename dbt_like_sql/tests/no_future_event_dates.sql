-- guards: stg_events
-- No event dated in the future. An article may announce a coming congress or election, so
-- "future" means more than a year after the article's publication date (or after today,
-- UTC, when the article has none): such a date is a misread year or day.
select e.event_id, e.event_date, e.date_precision, e.date_text, a.published_date
from {{ ref('stg_events') }} as e
left join {{ ref('stg_articles') }} as a on a.article_id = e.article_id
where e.event_date > least(coalesce(a.published_date, current_date), current_date) + interval 366 day
