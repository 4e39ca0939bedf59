import sys
print([sys.getsizeof(tuple(range(n))) for n in range(8)])
