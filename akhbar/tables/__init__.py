"""The contract tables: Arrow schemas, vocabularies and the data dictionary (`dictionary.tsv`)."""
