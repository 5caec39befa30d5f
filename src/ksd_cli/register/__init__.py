"""Spreadsheet registers: ``ksd import`` reads them into records, ``ksd export`` writes them.

``values`` reads cell values the way registers write them, ``headings`` finds the columns,
``readers`` turns a file into rows of cells, ``grouping`` makes records of rows, ``importer``
plans and writes the records, ``exporter`` writes the repository as a register.
"""
