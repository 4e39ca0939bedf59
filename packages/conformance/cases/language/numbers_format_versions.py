# format-spec options that came later: 'z' (3.11), '0' padding of str (3.10), grouping of the fraction (3.14)
cases = [(-0.0001, 'z.2f'), (-0.0, 'z'), (-0.0, 'z.1f'), (-1e-300, 'z.3f'), (complex(-0.0, -0.0), 'z'), (complex(-0.0, -0.0), 'z.1f'),
         (-0.0001, 'z.2e'), (-0.0001, 'z.2g'), (-0.0, 'z%'), (-0.5, 'z.0f'), (float('-inf'), 'z'), (1.5, 'z#.1f'),
         (1234.5678, '.3_f'), (1234.5678, '._f'), (1234.5678, '.,f'), (1234.56789, ',._f'), (1234.5678, '.2_'), (1234.5678, '_.2_e'),
         (1234.5678, '.10_g'), (1234.5678, '.10_%'), (1 + 2j, '.4_f'), (1234.5, '.2,'), (1234.5, '._'),
         ('abc', '010'), ('abc', '<010'), ('abc', '05'), ('abc', '0'), (-12, '08'), (-12, '<08'), (12, '=5'), (-12, 'x=8')]
for v, spec in cases:
    try:
        print(repr(spec), repr(format(v, spec)))
    except ValueError:
        print(repr(spec), 'ValueError')
