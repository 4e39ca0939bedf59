first = 1
second = "two"
total = first + second
