"""Expected strings for LiteralsTest, written by Python itself (python3 3.8+; numpy for floats).

    python3 runtime/src/test/python/python_repr.py

prints the Java rows of LiteralsTest's named tables (paste them there) and rewrites
runtime/src/test/resources/io/paramspace/runtime/python-repr.tsv (raw bits, repr). Every value
is a double literal or an expression both languages evaluate the same way, and each Java row
carries the bits Python saw, so the test also checks that Java read the same double.
"""
import os
import random
import struct

NAMED = [
    "0.0", "-0.0", "1.0", "-1.0", "0.5", "12.0", "-3.0", "100.0", "0.1", "0.2", "0.3",
    "0.1 + 0.2", "1.0 / 3", "2.0 / 3", "1234.5678", "-1234.5678", "3.141592653589793",
    "2.718281828459045", "1e-05", "-1e-05", "0.0001", "0.001", "0.00012345", "2.5e-07",
    "1e-07", "0.99", "0.999", "1e-05 * 3", "123456789012345.6", "1e15", "1e16", "1e+22",
    "1e23", "2e23", "1e21", "123456789.0", "9007199254740992.0", "9007199254740993.0",
    "5e-324", "-5e-324", "1e-323", "2.2250738585072014e-308", "2.225073858507201e-308",
    "1.7976931348623157e308", "-1.7976931348623157e308", "4.35", "0.07", "1e100",
    "1.5e-10", "6.02214076e23", "6.62607015e-34",
    # around powers of ten, where the notation switches
    "9.999999999999999e-05", "0.00010000000000000002", "0.0009999999999999998",
    "999999999999999.9", "9999999999999998.0", "1e16 - 2", "1e16 + 2", "99999999999999990.0",
    "0.9999999999999999", "1.0000000000000002", "10.000000000000002", "9.999999999999998",
    # powers of two, where a double's lower neighbour is twice as close as its upper one
    "0.5 * 0.5 * 0.5", "1024.0 * 1024.0 * 1024.0 * 1024.0 * 1024.0 * 1024.0 * 1024.0",
    "9.5367431640625e-07", "8.98846567431158e307", "1.1125369292536007e-308",
    "7.120236347223045e-307", "4.887898181599368e-150",
]

FLOATS = [0.1, 0.3, 1e-05, 0.5, 16777216.0, 3.4028234663852886e38, 1.401298464324817e-45,
          1.1754943508222875e-38, 1e16, 1e-4, 12.0]
# Floats whose Float.toString on JDK 17 has more digits than needed (JDK-4511638, fixed in 19).
FLOAT_BITS = [0x52E6B438, 0x5D9DC9F8, 0x4EF8AA38, 0xD3AC94AF, 0x506BF2EF]


def bits(x):
    return struct.unpack("<q", struct.pack("<d", x))[0]


def java_named_rows():
    for expr in NAMED:
        value = eval(expr)
        print(f'      row({expr}, 0x{bits(value) & (2**64 - 1):016X}L, "{value!r}"),')


def java_float_rows(rnd):
    import numpy as np
    values = [np.float32(v) for v in FLOATS]
    values += [np.frombuffer(struct.pack("<I", b), dtype=np.float32)[0] for b in FLOAT_BITS]
    while len(values) < len(FLOATS) + len(FLOAT_BITS) + 20:
        b = rnd.getrandbits(32)
        x = np.frombuffer(struct.pack("<I", b), dtype=np.float32)[0]
        if np.isfinite(x):
            values.append(x)
    for x in values:
        raw = struct.unpack("<I", struct.pack("<f", x))[0]
        # The shortest digits that read back as this float, written as repr writes a double.
        text = repr(float(np.format_float_scientific(x, unique=True)))
        print(f'      floatRow(0x{raw:08X}, "{text}"),')


def table(rnd):
    values = []
    for e in range(-1074, 1024):
        values.append(2.0 ** e)
    for _ in range(1000):
        x = struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0]
        if x == x and abs(x) != float("inf"):
            values.append(x)
    for _ in range(500):
        values.append(float(f"{rnd.randint(1, 99999)}e{rnd.randint(-330, 310)}"))
        values.append(rnd.random() * 10.0 ** rnd.randint(-8, 20))
    for _ in range(200):  # subnormals
        values.append(struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(52)))[0])
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "resources", "io", "paramspace", "runtime", "python-repr.tsv")
    with open(path, "w") as out:
        out.write("# bits of a double (signed decimal)\tPython's repr; written by "
                  "runtime/src/test/python/python_repr.py\n")
        for x in values:
            out.write(f"{bits(x)}\t{x!r}\n")


if __name__ == "__main__":
    rnd = random.Random(20240917)
    java_named_rows()
    print()
    java_float_rows(rnd)
    table(rnd)
