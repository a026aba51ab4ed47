run() at 0.204 frame 0.319 cpu 0.341
