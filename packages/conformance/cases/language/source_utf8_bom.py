import sys
print("a BOM is skipped")
