"""Where the stages run. The local engine (a process pool on this machine) lives in
``imgread.batch``; ``ray_engine`` runs the same stages on a Ray cluster."""
