"""Cases (办理事项): deadline obligations of the regulation kept as files, their due dates computed."""
