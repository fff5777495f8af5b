"""Test harness for a generated Airflow DAG, without Airflow.

Airflow is not installed where the tests run, so this stubs the few `airflow` names the DAG
imports (DAG, BashOperator) with classes that record what the DAG builds, imports the DAG file,
then runs every task's bash_command with bash exactly as Airflow's BashOperator would (bash -c),
with spark-sql replaced by a script that records its arguments. Prints one JSON document.

usage: run_dag.py DAG_FILE WORK_DIR airflow2|airflow3
"""
import importlib.util
import json
import os
import shlex
import subprocess
import sys

dag_file, work, style = sys.argv[1], sys.argv[2], sys.argv[3]
stubs = os.path.join(work, "stubs")

AIRFLOW_INIT = '''
class DAG:
    def __init__(self, **kwargs):
        self.kwargs = kwargs
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
'''

BASH = '''
OPERATORS = []

class BashOperator:
    # as Airflow's BashOperator declares them: these attributes are rendered with Jinja
    template_fields = ("bash_command", "env", "cwd")
    template_ext = (".sh", ".bash")

    def __init__(self, task_id, bash_command, env=None, **kwargs):
        self.task_id = task_id
        self.bash_command = bash_command
        self.env = env
        self.upstream = []
        OPERATORS.append(self)

    def __rrshift__(self, other):
        for upstream in other if isinstance(other, list) else [other]:
            self.upstream.append(upstream.task_id)
        return self
'''


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        out.write(text)


write(os.path.join(stubs, "airflow", "__init__.py"), AIRFLOW_INIT)
if style == "airflow3":
    for package in ["providers", "providers/standard", "providers/standard/operators"]:
        write(os.path.join(stubs, "airflow", package, "__init__.py"), "")
    bash_module = "airflow.providers.standard.operators.bash"
    write(os.path.join(stubs, "airflow", "providers", "standard", "operators", "bash.py"), BASH)
else:
    write(os.path.join(stubs, "airflow", "operators", "__init__.py"), "")
    bash_module = "airflow.operators.bash"
    write(os.path.join(stubs, "airflow", "operators", "bash.py"), BASH)
sys.path.insert(0, stubs)

# spark-sql: records its arguments, one JSON list per call
recorded = os.path.join(work, "spark-sql-calls.jsonl")
fake = os.path.join(work, "fake spark-sql.py")
write(
    fake,
    "import json, sys\n"
    f"with open({recorded!r}, 'a') as out:\n"
    "    out.write(json.dumps(sys.argv[1:]) + '\\n')\n",
)
os.environ["ZDP_SPARK_SQL"] = shlex.join([sys.executable, fake])

spec = importlib.util.spec_from_file_location("generated_dag", dag_file)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
operators = sys.modules[bash_module].OPERATORS

run_dir = os.path.join(work, "run")
os.makedirs(run_dir, exist_ok=True)
result = {"bash_module": bash_module, "tasks": []}
for operator in operators:
    before = 0
    if os.path.exists(recorded):
        with open(recorded) as calls:
            before = len(calls.readlines())
    done = subprocess.run(
        ["bash", "-c", operator.bash_command],
        cwd=run_dir,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    )
    argv = None
    if os.path.exists(recorded):
        with open(recorded) as calls:
            lines = calls.readlines()
        if len(lines) > before:
            argv = json.loads(lines[-1])
    result["tasks"].append(
        {
            "task_id": operator.task_id,
            "class": type(operator).__name__,
            "template_fields": list(type(operator).template_fields),
            "template_ext": list(type(operator).template_ext),
            "upstream": operator.upstream,
            "bash_command": operator.bash_command,
            "exit": done.returncode,
            "stderr": done.stderr,
            "argv": argv,
        }
    )
result["files_in_run_dir"] = sorted(os.listdir(run_dir))
print(json.dumps(result))
