n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
primes = []
candidate = 2
while len(primes) < 10:
    if all(candidate % p for p in primes):
        primes.append(candidate)
    candidate += 1
print(primes)
