# Which exception names the builtins module has in each version (EncodingWarning 3.10+, groups 3.11+,
# PythonFinalizationError 3.13+), and the OSError aliases.
import builtins
names = [n for n in sorted(vars(builtins)) if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException)]
print(len(names))
print(names)
print([n for n in names if getattr(builtins, n).__name__ != n])
for n in ['EncodingWarning', 'BaseExceptionGroup', 'ExceptionGroup', 'PythonFinalizationError', '_IncompleteInputError']:
    print(n, hasattr(builtins, n))
print(ValueError.__doc__)
print(KeyError.__doc__, '|', SystemExit.__doc__, '|', BaseException.__doc__)
print(repr(ValueError), repr(OSError), ValueError.__module__, ValueError.__mro__)
