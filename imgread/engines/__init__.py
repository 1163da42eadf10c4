"""Where the stages run. ``pool`` is the local engine (worker processes on this machine, each
running ``worker``); ``ray_engine`` runs the same worker steps on a Ray cluster."""
