"""Excel round trip of the catalog: the national template as a workbook, filled from and read back to YAML."""
