# Generated from proto/ by scripts/gen.sh. Do not edit.
