"""Board pages, run by st.navigation from huisheng/app/board.py (each file is executed as a script)."""
