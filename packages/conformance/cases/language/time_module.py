import time
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() > p0, time.monotonic() >= m0)
print(type(time.time()).__name__, isinstance(time.time_ns(), int))
