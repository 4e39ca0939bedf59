class AppError(Exception):
    pass
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise AppError("lookup failed") from e
except AppError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise AppError("implicit")
except AppError as e:
    print(repr(e.__context__), e.__cause__)
try:
    raise AppError("x") from None
except AppError as e:
    print(e.__cause__, e.__suppress_context__)
