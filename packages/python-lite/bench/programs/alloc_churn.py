# Allocation churn: 300,000 instances with two attributes, created and dropped.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

total = 0
for i in range(300000):
    p = Point(i, i + 1)
    total += p.y - p.x
print(total)
