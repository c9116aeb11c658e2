-- How much of the corpus has dated events?
select language, articles, articles_with_events, articles_with_dated_events, share_articles_dated,
       events, dated_events, share_events_dated, day_precision, month_precision, year_precision
from dated_events_coverage
