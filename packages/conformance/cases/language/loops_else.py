for i in range(3):
    if i == 5:
        break
else:
    print("for completed without break")
for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    n -= 1
    if n == 1:
        continue
    if n < 0:
        break
    print("n", n)
for i, c in enumerate("xy", start=1):
    print(i, c)
for a, b in zip([1, 2, 3], "ab"):
    print(a, b)
for x in []:
    print("never")
else:
    print("empty for else")
