print("before")
print(missing_variable)
