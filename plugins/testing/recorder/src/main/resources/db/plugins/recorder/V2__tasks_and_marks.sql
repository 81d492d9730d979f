-- Runs of the recorder's scheduled task, and marks staff set on its console screen.
CREATE TABLE plugin_recorder_task_run (
  id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ran_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE plugin_recorder_mark (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  note      VARCHAR(200) NOT NULL,
  marked_by VARCHAR(20) NOT NULL
);
