# Instance sizes: BaseException's struct and the fields each subclass adds (they grow with the version).
import sys
names = ['BaseException', 'ValueError', 'SystemExit', 'StopIteration', 'KeyError', 'ImportError', 'OSError',
         'SyntaxError', 'UnicodeDecodeError', 'NameError', 'AttributeError']
for n in names:
    t = getattr(__builtins__, n)
    print(n, t.__basicsize__, t.__dictoffset__, t.__weakrefoffset__)
print(sys.getsizeof(ValueError()), sys.getsizeof(OSError(2, 'x')), sys.getsizeof(SyntaxError('s')))
class Mine(Exception):
    pass
print(Mine.__basicsize__, Mine.__dictoffset__, sys.getsizeof(Mine()))
