"""Detection functions that break the protocol, one way each (MODE), for the auto-annotation
tests: `not-json` answers the first frame with text, `exit` quits before its spec, `frame`
returns a shape on frame 5, `label` names a label its spec lacks."""
import json
import sys

mode = sys.argv[1]
json.loads(sys.stdin.readline())
if mode == "exit":
    sys.exit(0)
print(json.dumps({"spec": {"labels": [{"id": 7, "name": "car"}]}}), flush=True)
for line in sys.stdin:
    if mode == "not-json":
        print("detections: none", flush=True)
    elif mode == "frame":
        print(json.dumps({"shapes": [{"type": "rectangle", "label_id": 7, "frame": 5, "points": [0, 0, 1, 1]}]}),
              flush=True)
    elif mode == "label":
        print(json.dumps({"shapes": [{"type": "rectangle", "label_id": 8, "points": [0, 0, 1, 1]}]}), flush=True)
