print("gradscope: under construction")
