import sys
# Only debug builds have sys.gettotalrefcount().
print(hasattr(sys, "gettotalrefcount"))
