# The README's `cvat` session, run line by line (`set -e`) by CLITests.readmeSession in a
# scratch folder holding image1.jpg, image2.jpg and Examples/, with `cvat` on the PATH and the
# fake CVAT server reachable on localhost:8080.
cvat config default-server http://localhost:8080
export PASS=secret  # without it, cvat asks for the password on the terminal
cvat --auth admin task create "new task" --labels '[{"name": "car"}]' local image1.jpg image2.jpg
cvat --auth admin task ls --json
cvat --auth admin task frames 1 0 1 --outdir frames
cvat --auth admin task export-dataset 1 dataset.zip --format "CVAT for images 1.1"
cvat --auth admin task auto-annotate 1 --function-command "python3 Examples/AutoAnnotation/detect.py"
cvat --auth admin task backup 1 backup.zip
cvat --auth admin task delete 1
