"""cvat-sdk's encode_mask on the bitmaps in the JSON file ARGV[1] ([{"width", "height",
"pixels": [0/1 row-major], "bbox": [..] or null}]); prints the encodings as a JSON list."""
import json
import sys

import numpy as np
from cvat_sdk.masks import encode_mask

cases = json.load(open(sys.argv[1]))
print(json.dumps([
    encode_mask(np.array(case["pixels"], dtype=bool).reshape(case["height"], case["width"]), bbox=case["bbox"])
    for case in cases]))
