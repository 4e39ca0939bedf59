class Shape:
    count = 0
    def __init__(self):
        Shape.count += 1
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def area_of_square(side):
        return side * side
class Square(Shape):
    pass
s = Square.make()
print(type(s).__name__, Shape.count)
print(Shape.area_of_square(3), s.area_of_square(4))
