print("{} and {}".format(1, "two"))
print("{1} {0} {1}".format("a", "b"))
print("{name}={val:.3f}".format(name="x", val=3.14159))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:06.2f} {:+d} {:,} {:e} {:.2e} {:g} {:%}".format(3.14159, 5, 1234567, 12345.678, 0.000123, 0.00001, 0.25))
print("{:5d}|{:<5d}|{:x}|{:o}|{:b}|{:#x}".format(42, 42, 255, 8, 5, 255))
print("{!r} {!s}".format("q", "q"))
print("{{literal}} {}".format(1))
print(format(3.14159, ".2f"), format(42, "05d"), format("s", ">3"), format(1.0), format(0.1, ".1%"))
x = 2.5
n = 7
print(f"{x} {x:.3f} {n:3d} {n!r} {'in'} {x * 2} {n=} {x=:.1f}")
print(f"{[1, 2]} {(1,)} {None} {True:d}")
print("%d items at %.2f each, %s" % (3, 1.5, "ok"))
print("%5.1f|%-5d|%s" % (2.25, 3, [1]))
print("%r %%" % "x")
w = 8
print(f"{3.14159:{w}.2f}|")
print("{:.3g} {:.3g} {:.10g}".format(1234567.0, 0.00012345, 1/3))
