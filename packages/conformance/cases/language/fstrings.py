name = "heap"
n = 42
pi = 3.14159
print(f"{name} {n} {pi:.2f} {n:05d} {n:x} {n:>6}|{n:<6}|{n:^6}|")
print(f"{name!r} {name.upper()} {n * 2} {[1, 2][0]} {'q'}")
print(f"{n=}")
print(f"{{literal}} {n:,} {1234567.891:,.2f} {0.25:%}")
width = 8
print(f"{name:>{width}}|")
print(f"{'nested ' + f'{n}'}")
