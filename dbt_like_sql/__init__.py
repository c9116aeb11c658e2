"""The warehouse's SQL (staging and mart models, data tests, analyses), shipped as package data `akhbar.sql`."""
