package com.acme;

public enum Mood { HAPPY, SAD }
